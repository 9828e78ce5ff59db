using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScimTokenOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_client",
                table: "scim_tokens",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "owner_id",
                table: "scim_tokens",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "token_max_days",
                table: "scim_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 730);

            migrationBuilder.CreateIndex(
                name: "ix_scim_tokens_owner_id",
                table: "scim_tokens",
                columns: new[] { "tenant_id", "owner_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_scim_tokens_owner",
                table: "scim_tokens",
                columns: new[] { "tenant_id", "owner_id" },
                principalTable: "users",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_scim_tokens_owner",
                table: "scim_tokens");

            migrationBuilder.DropIndex(
                name: "ix_scim_tokens_owner_id",
                table: "scim_tokens");

            migrationBuilder.DropColumn(
                name: "last_client",
                table: "scim_tokens");

            migrationBuilder.DropColumn(
                name: "owner_id",
                table: "scim_tokens");

            migrationBuilder.DropColumn(
                name: "token_max_days",
                table: "scim_settings");
        }
    }
}
