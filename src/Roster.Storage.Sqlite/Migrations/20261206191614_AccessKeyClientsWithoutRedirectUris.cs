using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Roster.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Removes the redirect URIs that earlier versions wrote to access keys' OAuth clients whenever
    /// an authorization request named a trusted IdP callback, even before anyone signed in. An
    /// access key never registers a redirect URI (its client is created without one), and trusted
    /// callbacks are now matched without being stored, so every URI on such a client came from
    /// there and none is needed. Access key IDs are "RAK" and 20 letters and digits; app client
    /// IDs start with "roster_app_".
    /// </summary>
    public partial class AccessKeyClientsWithoutRedirectUris : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE oauth_applications SET redirect_uris = NULL " +
                "WHERE redirect_uris IS NOT NULL AND length(client_id) = 23 AND substr(client_id, 1, 3) = 'RAK';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The removed URIs were never needed; there is nothing to put back.
        }
    }
}
