using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OperatorKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "operator_events",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    occurred = table.Column<string>(type: "TEXT", nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operator_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "operator_keys",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    hint = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    revoked = table.Column<string>(type: "TEXT", nullable: true),
                    last_used = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operator_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_operator_events_occurred",
                table: "operator_events",
                column: "occurred");

            migrationBuilder.CreateIndex(
                name: "ux_operator_keys_hash",
                table: "operator_keys",
                column: "hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "operator_events");

            migrationBuilder.DropTable(
                name: "operator_keys");
        }
    }
}
