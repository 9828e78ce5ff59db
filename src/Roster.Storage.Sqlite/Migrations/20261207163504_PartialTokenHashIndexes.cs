using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartialTokenHashIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_users_invitation_hash",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ux_users_unlock_hash",
                table: "users");

            migrationBuilder.CreateIndex(
                name: "ux_users_invitation_hash",
                table: "users",
                columns: new[] { "tenant_id", "invitation_hash" },
                unique: true,
                filter: "invitation_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_users_unlock_hash",
                table: "users",
                columns: new[] { "tenant_id", "unlock_hash" },
                unique: true,
                filter: "unlock_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_users_invitation_hash",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ux_users_unlock_hash",
                table: "users");

            migrationBuilder.CreateIndex(
                name: "ux_users_invitation_hash",
                table: "users",
                columns: new[] { "tenant_id", "invitation_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_users_unlock_hash",
                table: "users",
                columns: new[] { "tenant_id", "unlock_hash" },
                unique: true);
        }
    }
}
