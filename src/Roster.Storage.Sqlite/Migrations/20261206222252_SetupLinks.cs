using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SetupLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "setup_links",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    expires = table.Column<string>(type: "TEXT", nullable: false),
                    used = table.Column<string>(type: "TEXT", nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_setup_links", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_setup_links_tenants",
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
                name: "setup_links");
        }
    }
}
