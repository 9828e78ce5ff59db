using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scim_schema_extensions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    urn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    urn_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    resource_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    definition = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_schema_extensions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_scim_schema_extensions_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_scim_schema_extensions_urn",
                table: "scim_schema_extensions",
                columns: new[] { "tenant_id", "urn_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scim_schema_extensions");
        }
    }
}
