using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScimCallErrors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scim_call_errors",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    occurred = table.Column<string>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    scim_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    credential_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_call_errors", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_scim_call_errors_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scim_call_errors_occurred",
                table: "scim_call_errors",
                columns: new[] { "tenant_id", "occurred" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scim_call_errors");
        }
    }
}
