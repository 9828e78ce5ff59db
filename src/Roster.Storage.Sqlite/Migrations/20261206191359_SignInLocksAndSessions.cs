using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignInLocksAndSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "locked_until",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sign_in_locks",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "unlock_expires",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unlock_hash",
                table: "users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "console_sessions",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created = table.Column<string>(type: "TEXT", nullable: false),
                    expires = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_console_sessions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_console_sessions_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_addresses",
                columns: table => new
                {
                    tenant_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    locks = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<string>(type: "TEXT", nullable: true),
                    last_failure = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_addresses", x => new { x.tenant_id, x.user_id, x.address });
                    table.ForeignKey(
                        name: "fk_sign_in_addresses_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_users_unlock_hash",
                table: "users",
                columns: new[] { "tenant_id", "unlock_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_console_sessions_user_id",
                table: "console_sessions",
                columns: new[] { "tenant_id", "user_id" });

            // A lock is no longer a status held until an administrator lifts it but a time
            // (locked_until). Profiles an earlier version locked for good are released; the next
            // failures lock again, for a while.
            migrationBuilder.Sql(
                "UPDATE users SET status = CASE WHEN password_hash IS NULL THEN 'invited' ELSE 'active' END, failed_sign_ins = 0, locked_at = NULL " +
                "WHERE status = 'locked';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "console_sessions");

            migrationBuilder.DropTable(
                name: "sign_in_addresses");

            migrationBuilder.DropIndex(
                name: "ux_users_unlock_hash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "locked_until",
                table: "users");

            migrationBuilder.DropColumn(
                name: "sign_in_locks",
                table: "users");

            migrationBuilder.DropColumn(
                name: "unlock_expires",
                table: "users");

            migrationBuilder.DropColumn(
                name: "unlock_hash",
                table: "users");
        }
    }
}
