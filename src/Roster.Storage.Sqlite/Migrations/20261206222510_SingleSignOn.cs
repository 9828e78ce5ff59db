using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SingleSignOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "saml_assertions",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    expires = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saml_assertions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_saml_assertions_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sso_break_glass",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sso_break_glass", x => new { x.tenant_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_sso_break_glass_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sso_connections",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    protocol = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    just_in_time = table.Column<bool>(type: "INTEGER", nullable: false),
                    settings = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: true),
                    permission_ceiling = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    last_modified = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sso_connections", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_sso_connections_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sso_settings",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sso_only = table.Column<bool>(type: "INTEGER", nullable: false),
                    scim_requires_sso_only = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sso_settings", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_sso_settings_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saml_requests",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    connection_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    return_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    expires = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saml_requests", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_saml_requests_sso_connections",
                        columns: x => new { x.tenant_id, x.connection_id },
                        principalTable: "sso_connections",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_saml_assertions_expires",
                table: "saml_assertions",
                columns: new[] { "tenant_id", "expires" });

            migrationBuilder.CreateIndex(
                name: "ix_saml_requests_expires",
                table: "saml_requests",
                columns: new[] { "tenant_id", "expires" });

            migrationBuilder.CreateIndex(
                name: "IX_saml_requests_tenant_id_connection_id",
                table: "saml_requests",
                columns: new[] { "tenant_id", "connection_id" });

            migrationBuilder.CreateIndex(
                name: "ux_sso_connections_name",
                table: "sso_connections",
                columns: new[] { "tenant_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saml_assertions");

            migrationBuilder.DropTable(
                name: "saml_requests");

            migrationBuilder.DropTable(
                name: "sso_break_glass");

            migrationBuilder.DropTable(
                name: "sso_settings");

            migrationBuilder.DropTable(
                name: "sso_connections");
        }
    }
}
