using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServerKeyIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "key_id",
                table: "server_keys",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "active_from",
                table: "server_keys",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // The keys earlier versions made keep the ids their tokens carry as kid.
            migrationBuilder.Sql(
                "UPDATE server_keys SET key_id = CASE purpose WHEN 'oauth-signing-rsa' THEN 'roster-signing-1' " +
                "WHEN 'oauth-encryption-aes' THEN 'roster-encryption-1' ELSE purpose END, active_from = created;");

            migrationBuilder.DropPrimaryKey(
                name: "pk_server_keys",
                table: "server_keys");

            migrationBuilder.AddPrimaryKey(
                name: "pk_server_keys",
                table: "server_keys",
                column: "key_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_server_keys",
                table: "server_keys");

            migrationBuilder.DropColumn(
                name: "key_id",
                table: "server_keys");

            migrationBuilder.DropColumn(
                name: "active_from",
                table: "server_keys");

            migrationBuilder.AddPrimaryKey(
                name: "pk_server_keys",
                table: "server_keys",
                column: "purpose");
        }
    }
}
