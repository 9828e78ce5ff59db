using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoleGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "roles_version",
                table: "tenants");

            migrationBuilder.AddColumn<bool>(
                name: "manual_role_grants",
                table: "scim_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "unknown_roles",
                table: "scim_settings",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "refuse");

            migrationBuilder.CreateTable(
                name: "role_rules",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    match = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    match_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    role_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    last_modified = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_rules", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_role_rules_roles",
                        columns: x => new { x.tenant_id, x.role_id },
                        principalTable: "roles",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_role_rules_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unmatched_role_values",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    first_seen = table.Column<string>(type: "TEXT", nullable: false),
                    last_seen = table.Column<string>(type: "TEXT", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    last_user_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unmatched_role_values", x => new { x.tenant_id, x.value });
                    table.ForeignKey(
                        name: "fk_unmatched_role_values_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_grants",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    role_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    grant_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rule_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_grants", x => new { x.tenant_id, x.user_id, x.role_id, x.grant_key });
                    table.ForeignKey(
                        name: "fk_role_grants_roles",
                        columns: x => new { x.tenant_id, x.role_id },
                        principalTable: "roles",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_role_grants_rules",
                        columns: x => new { x.tenant_id, x.rule_id },
                        principalTable: "role_rules",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_grants_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_role_grants_role_id",
                table: "role_grants",
                columns: new[] { "tenant_id", "role_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_role_grants_rule_id",
                table: "role_grants",
                columns: new[] { "tenant_id", "rule_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_role_rules_match_key",
                table: "role_rules",
                columns: new[] { "tenant_id", "match", "match_key" });

            migrationBuilder.CreateIndex(
                name: "ix_role_rules_role_id",
                table: "role_rules",
                columns: new[] { "tenant_id", "role_id" });

            // People stored before grants existed hold the roles their roles values name.
            migrationBuilder.Sql(
                "INSERT OR IGNORE INTO role_grants (tenant_id, user_id, role_id, grant_key, source, rule_id, value) " +
                "SELECT u.tenant_id, u.id, r.id, 'sent', 'sent', NULL, NULL FROM users AS u, json_each(u.document, '$.roles') AS j " +
                "JOIN roles AS r ON r.tenant_id = u.tenant_id AND r.name = json_extract(j.value, '$.value')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "role_grants");

            migrationBuilder.DropTable(
                name: "unmatched_role_values");

            migrationBuilder.DropTable(
                name: "role_rules");

            migrationBuilder.DropColumn(
                name: "manual_role_grants",
                table: "scim_settings");

            migrationBuilder.DropColumn(
                name: "unknown_roles",
                table: "scim_settings");

            migrationBuilder.AddColumn<long>(
                name: "roles_version",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
