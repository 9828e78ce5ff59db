using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoEngagePoliciesAndPagingAdvert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "advertise_cursor_paging",
                table: "scim_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "identifiers_not_updatable",
                table: "scim_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "names_required",
                table: "scim_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "advertise_cursor_paging",
                table: "scim_settings");

            migrationBuilder.DropColumn(
                name: "identifiers_not_updatable",
                table: "scim_settings");

            migrationBuilder.DropColumn(
                name: "names_required",
                table: "scim_settings");
        }
    }
}
