using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Roster.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    xml = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "oauth_applications",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    application_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    client_secret = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    client_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    concurrency_token = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    consent_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    display_name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    display_names = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    json_web_key_set = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    permissions = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    post_logout_redirect_uris = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    redirect_uris = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    requirements = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    settings = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "oauth_scopes",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    concurrency_token = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    descriptions = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    display_name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    display_names = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    resources = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_scopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "operator_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changes = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operator_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "operator_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    hint = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operator_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "server_keys",
                columns: table => new
                {
                    key_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    purpose = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    material = table.Column<byte[]>(type: "bytea", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    active_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_server_keys", x => x.key_id);
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "oauth_authorizations",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    application_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    concurrency_token = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    creation_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    scopes = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true, collation: "C"),
                    type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_authorizations", x => x.id);
                    table.ForeignKey(
                        name: "FK_oauth_authorizations_oauth_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "oauth_applications",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "app_registrations",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    contacts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    client_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    redirect_uris = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false, collation: "C"),
                    scopes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registrant = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    business_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    permission_ceiling = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_registrations", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_app_registrations_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                    credential_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    resource_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changes = table.Column<string>(type: "text", nullable: false, collation: "C")
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
                name: "bad_token_calls",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    client = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    first_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bad_token_calls", x => new { x.tenant_id, x.kind, x.client, x.token_id });
                    table.ForeignKey(
                        name: "fk_bad_token_calls_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    occurred = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resource_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => new { x.tenant_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_events_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    display_name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    external_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false)
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
                name: "roles",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    permissions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "saml_assertions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saml_assertions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_saml_assertions_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scim_call_errors",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    status = table.Column<int>(type: "integer", nullable: false),
                    scim_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    credential_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_call_errors", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_scim_call_errors_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scim_schema_extensions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    urn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    urn_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    resource_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    definition = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_schema_extensions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_scim_schema_extensions_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "setup_links",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_setup_links", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_setup_links_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sso_connections",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    protocol = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    just_in_time = table.Column<bool>(type: "boolean", nullable: false),
                    settings = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false, collation: "C"),
                    secret = table.Column<string>(type: "character varying(16384)", maxLength: 16384, nullable: true, collation: "C"),
                    permission_ceiling = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sso_connections", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_sso_connections_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sso_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sso_only = table.Column<bool>(type: "boolean", nullable: false),
                    scim_requires_sso_only = table.Column<bool>(type: "boolean", nullable: false),
                    administrators_need_second_factor = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sso_settings", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_sso_settings_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unmatched_role_values",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    first_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    last_user_id = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "users",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    user_name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    external_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    display_name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    display_name_key = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    active = table.Column<bool>(type: "boolean", nullable: true),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "active", collation: "C"),
                    password_hash = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    failed_sign_ins = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sign_in_locks = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    login_authenticator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, defaultValue: "password", collation: "C"),
                    billing = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, defaultValue: "{\"billable\":true,\"licenses\":[]}", collation: "C"),
                    invitation_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    invitation_expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    unlock_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    unlock_expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                name: "verified_domains",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false, collation: "C"),
                    verification_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verified_domains", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_verified_domains_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    event_types = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    disabled_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    previous_secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    previous_secret_expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cursor = table.Column<long>(type: "bigint", nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    failing_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    retry_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_endpoints", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_webhook_endpoints_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oauth_tokens",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    application_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    authorization_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    concurrency_token = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    creation_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    expiration_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    payload = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    redemption_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reference_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true, collation: "C"),
                    type = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_tokens", x => x.id);
                    table.ForeignKey(
                        name: "FK_oauth_tokens_oauth_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "oauth_applications",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "FK_oauth_tokens_oauth_authorizations_authorization_id",
                        column: x => x.authorization_id,
                        principalTable: "oauth_authorizations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_type = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false, collation: "C")
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
                name: "role_rules",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    match_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "scim_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    default_role_id = table.Column<Guid>(type: "uuid", nullable: true),
                    required_role_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name_must_be_primary_email = table.Column<bool>(type: "boolean", nullable: false),
                    names_not_updatable = table.Column<bool>(type: "boolean", nullable: false),
                    enforce_verified_domains = table.Column<bool>(type: "boolean", nullable: false),
                    last_call_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    token_max_days = table.Column<int>(type: "integer", nullable: false, defaultValue: 730),
                    unknown_roles = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "refuse", collation: "C"),
                    manual_role_grants = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    names_required = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    identifiers_not_updatable = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    advertise_cursor_paging = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
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

            migrationBuilder.CreateTable(
                name: "saml_requests",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saml_requests", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_saml_requests_sso_connections",
                        columns: x => new { x.tenant_id, x.connection_id },
                        principalTable: "sso_connections",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_keys",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    secret_hint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    permission_ceiling = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_keys", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_access_keys_owner",
                        columns: x => new { x.tenant_id, x.owner_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "console_sessions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "recovery_codes",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    used = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recovery_codes", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_recovery_codes_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_grants",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grant_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false, collation: "C"),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C")
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
                        name: "fk_role_grants_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scim_tokens",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    hint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_client = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    permission_ceiling = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_tokens", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_scim_tokens_owner",
                        columns: x => new { x.tenant_id, x.owner_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scim_tokens_tenants",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "second_factors",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    protected_secret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_step = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_second_factors", x => new { x.tenant_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_second_factors_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_addresses",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    locks = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_failure = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "sso_break_glass",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sso_break_glass", x => new { x.tenant_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_sso_break_glass_users",
                        columns: x => new { x.tenant_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_emails",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value_key = table.Column<string>(type: "text", nullable: false, collation: "C")
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

            migrationBuilder.CreateTable(
                name: "webhook_attempts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: true),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    attempted = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_ms = table.Column<int>(type: "integer", nullable: false),
                    request = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    response_status = table.Column<int>(type: "integer", nullable: true),
                    response = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_attempts", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_webhook_attempts_endpoints",
                        columns: x => new { x.tenant_id, x.endpoint_id },
                        principalTable: "webhook_endpoints",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_endpoints",
                        columns: x => new { x.tenant_id, x.endpoint_id },
                        principalTable: "webhook_endpoints",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_keys_owner_id",
                table: "access_keys",
                columns: new[] { "tenant_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ux_access_keys_key_id",
                table: "access_keys",
                column: "key_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_app_registrations_client_id",
                table: "app_registrations",
                column: "client_id",
                unique: true);

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
                name: "ix_console_sessions_user_id",
                table: "console_sessions",
                columns: new[] { "tenant_id", "user_id" });

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
                name: "IX_oauth_applications_client_id",
                table: "oauth_applications",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oauth_authorizations_application_id_status_subject_type",
                table: "oauth_authorizations",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "IX_oauth_scopes_name",
                table: "oauth_scopes",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oauth_tokens_application_id_status_subject_type",
                table: "oauth_tokens",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "IX_oauth_tokens_authorization_id",
                table: "oauth_tokens",
                column: "authorization_id");

            migrationBuilder.CreateIndex(
                name: "IX_oauth_tokens_reference_id",
                table: "oauth_tokens",
                column: "reference_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_operator_events_occurred",
                table: "operator_events",
                column: "occurred");

            migrationBuilder.CreateIndex(
                name: "ux_operator_keys_hash",
                table: "operator_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recovery_codes_user_id",
                table: "recovery_codes",
                columns: new[] { "tenant_id", "user_id" });

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

            migrationBuilder.CreateIndex(
                name: "ux_roles_name",
                table: "roles",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saml_assertions_expires",
                table: "saml_assertions",
                columns: new[] { "tenant_id", "expires" });

            migrationBuilder.CreateIndex(
                name: "ix_saml_requests_expires",
                table: "saml_requests",
                columns: new[] { "tenant_id", "expires" });

            migrationBuilder.CreateIndex(
                name: "IX_saml_requests_tenant_id_connection_id",
                table: "saml_requests",
                columns: new[] { "tenant_id", "connection_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_call_errors_occurred",
                table: "scim_call_errors",
                columns: new[] { "tenant_id", "occurred" });

            migrationBuilder.CreateIndex(
                name: "ux_scim_schema_extensions_urn",
                table: "scim_schema_extensions",
                columns: new[] { "tenant_id", "urn_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scim_settings_default_role_id",
                table: "scim_settings",
                columns: new[] { "tenant_id", "default_role_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_settings_required_role_id",
                table: "scim_settings",
                columns: new[] { "tenant_id", "required_role_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_tokens_owner_id",
                table: "scim_tokens",
                columns: new[] { "tenant_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ux_scim_tokens_hash",
                table: "scim_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_sso_connections_name",
                table: "sso_connections",
                columns: new[] { "tenant_id", "name" },
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

            migrationBuilder.CreateIndex(
                name: "ux_users_user_name_key",
                table: "users",
                columns: new[] { "tenant_id", "user_name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_verified_domains_domain",
                table: "verified_domains",
                columns: new[] { "tenant_id", "domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_attempts_endpoint_id",
                table: "webhook_attempts",
                columns: new[] { "tenant_id", "endpoint_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_resource",
                table: "webhook_deliveries",
                columns: new[] { "tenant_id", "endpoint_id", "resource_id", "state", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_state",
                table: "webhook_deliveries",
                columns: new[] { "tenant_id", "endpoint_id", "state", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ux_webhook_deliveries_sequence",
                table: "webhook_deliveries",
                columns: new[] { "tenant_id", "endpoint_id", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_keys");

            migrationBuilder.DropTable(
                name: "app_registrations");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "bad_token_calls");

            migrationBuilder.DropTable(
                name: "console_sessions");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "oauth_scopes");

            migrationBuilder.DropTable(
                name: "oauth_tokens");

            migrationBuilder.DropTable(
                name: "operator_events");

            migrationBuilder.DropTable(
                name: "operator_keys");

            migrationBuilder.DropTable(
                name: "recovery_codes");

            migrationBuilder.DropTable(
                name: "role_grants");

            migrationBuilder.DropTable(
                name: "role_rules");

            migrationBuilder.DropTable(
                name: "saml_assertions");

            migrationBuilder.DropTable(
                name: "saml_requests");

            migrationBuilder.DropTable(
                name: "scim_call_errors");

            migrationBuilder.DropTable(
                name: "scim_schema_extensions");

            migrationBuilder.DropTable(
                name: "scim_settings");

            migrationBuilder.DropTable(
                name: "scim_tokens");

            migrationBuilder.DropTable(
                name: "second_factors");

            migrationBuilder.DropTable(
                name: "server_keys");

            migrationBuilder.DropTable(
                name: "setup_links");

            migrationBuilder.DropTable(
                name: "sign_in_addresses");

            migrationBuilder.DropTable(
                name: "sso_break_glass");

            migrationBuilder.DropTable(
                name: "sso_settings");

            migrationBuilder.DropTable(
                name: "unmatched_role_values");

            migrationBuilder.DropTable(
                name: "user_emails");

            migrationBuilder.DropTable(
                name: "verified_domains");

            migrationBuilder.DropTable(
                name: "webhook_attempts");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "oauth_authorizations");

            migrationBuilder.DropTable(
                name: "sso_connections");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "webhook_endpoints");

            migrationBuilder.DropTable(
                name: "oauth_applications");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
