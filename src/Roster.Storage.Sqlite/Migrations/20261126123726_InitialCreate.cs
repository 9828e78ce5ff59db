using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: false),
                    display_name_key = table.Column<string>(type: "TEXT", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", nullable: true),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    last_modified = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groups", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_groups_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scim_tokens",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    hint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    expires = table.Column<string>(type: "TEXT", nullable: true),
                    revoked = table.Column<string>(type: "TEXT", nullable: true),
                    last_used = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_tokens", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_scim_tokens_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", nullable: false),
                    user_name_key = table.Column<string>(type: "TEXT", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    display_name_key = table.Column<string>(type: "TEXT", nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: true),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    last_modified = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_users_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    member_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    member_type = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_members", x => new { x.tenant_id, x.group_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_group_members_groups",
                        columns: x => new { x.tenant_id, x.group_id },
                        principalTable: "groups",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_emails",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    value_key = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_emails", x => new { x.tenant_id, x.user_id, x.value_key });
                    table.ForeignKey(
                        name: "fk_user_emails_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_members_member_id",
                table: "group_members",
                columns: new[] { "tenant_id", "member_id", "group_id" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_created",
                table: "groups",
                columns: new[] { "tenant_id", "created" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_display_name_key",
                table: "groups",
                columns: new[] { "tenant_id", "display_name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_external_id",
                table: "groups",
                columns: new[] { "tenant_id", "external_id" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_last_modified",
                table: "groups",
                columns: new[] { "tenant_id", "last_modified" });

            migrationBuilder.CreateIndex(
                name: "ux_scim_tokens_hash",
                table: "scim_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_emails_value_key",
                table: "user_emails",
                columns: new[] { "tenant_id", "value_key", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_users_created",
                table: "users",
                columns: new[] { "tenant_id", "created" });

            migrationBuilder.CreateIndex(
                name: "ix_users_display_name_key",
                table: "users",
                columns: new[] { "tenant_id", "display_name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_users_external_id",
                table: "users",
                columns: new[] { "tenant_id", "external_id" });

            migrationBuilder.CreateIndex(
                name: "ix_users_last_modified",
                table: "users",
                columns: new[] { "tenant_id", "last_modified" });

            migrationBuilder.CreateIndex(
                name: "ux_users_user_name_key",
                table: "users",
                columns: new[] { "tenant_id", "user_name_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "scim_tokens");

            migrationBuilder.DropTable(
                name: "user_emails");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
