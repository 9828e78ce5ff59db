using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BadTokenCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bad_token_calls",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    token_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    first_seen = table.Column<string>(type: "TEXT", nullable: false),
                    last_seen = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bad_token_calls", x => new { x.tenant_id, x.kind, x.client, x.token_id });
                    table.ForeignKey(
                        name: "fk_bad_token_calls_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bad_token_calls");
        }
    }
}
