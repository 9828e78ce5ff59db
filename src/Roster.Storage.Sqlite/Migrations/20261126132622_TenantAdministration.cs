using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TenantAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    occurred = table.Column<string>(type: "TEXT", nullable: false),
                    actor_profile_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    credential_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    client = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    resource_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_audit_events_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    permissions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    last_modified = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_roles_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scim_settings",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    default_role_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    required_role_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    user_name_must_be_primary_email = table.Column<bool>(type: "INTEGER", nullable: false),
                    names_not_updatable = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_call_at = table.Column<string>(type: "TEXT", nullable: true),
                    last_client = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_settings", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_scim_settings_default_role",
                        columns: x => new { x.tenant_id, x.default_role_id },
                        principalTable: "roles",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_scim_settings_required_role",
                        columns: x => new { x.tenant_id, x.required_role_id },
                        principalTable: "roles",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_scim_settings_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_action",
                table: "audit_events",
                columns: new[] { "tenant_id", "action", "occurred" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred",
                table: "audit_events",
                columns: new[] { "tenant_id", "occurred", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_resource_id",
                table: "audit_events",
                columns: new[] { "tenant_id", "resource_id", "occurred" });

            migrationBuilder.CreateIndex(
                name: "ux_roles_name",
                table: "roles",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scim_settings_default_role_id",
                table: "scim_settings",
                columns: new[] { "tenant_id", "default_role_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_settings_required_role_id",
                table: "scim_settings",
                columns: new[] { "tenant_id", "required_role_id" });

            // Tenants created before this migration get their settings row, as new tenants do:
            // provisioning stays enabled so their IdPs keep working. (Hand-written: keep it when
            // regenerating this migration.)
            migrationBuilder.Sql(
                "INSERT INTO scim_settings (tenant_id, enabled, user_name_must_be_primary_email, names_not_updatable) " +
                "SELECT id, 1, 0, 0 FROM tenants WHERE id NOT IN (SELECT tenant_id FROM scim_settings)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "scim_settings");

            migrationBuilder.DropTable(
                name: "roles");
        }
    }
}
