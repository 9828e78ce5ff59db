using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PrivilegeModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "roles_version",
                table: "tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "permission_ceiling",
                table: "scim_tokens",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "owner_id",
                table: "app_registrations",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "permission_ceiling",
                table: "app_registrations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "permission_ceiling",
                table: "access_keys",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "roles_version",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "permission_ceiling",
                table: "scim_tokens");

            migrationBuilder.DropColumn(
                name: "owner_id",
                table: "app_registrations");

            migrationBuilder.DropColumn(
                name: "permission_ceiling",
                table: "app_registrations");

            migrationBuilder.DropColumn(
                name: "permission_ceiling",
                table: "access_keys");
        }
    }
}
