using Microsoft.EntityFrameworkCore;
using Roster.Directory.Tenants;
using Roster.Directory.Users;

namespace Roster.Directory.Sso;

/// <summary>
/// The model's part for single sign-on: <c>sso_connections</c>, <c>sso_settings</c>,
/// <c>sso_break_glass</c>, and the SAML message ids (<c>saml_requests</c>, <c>saml_assertions</c>).
/// They are read and written only through <see cref="Database.SqlSession"/>, whose statements bind
/// <c>tenant_id</c>, so they have no DbSet and no query filter.
/// </summary>
internal static class SsoSchema
{
    public const int MaxNameLength = 100;
    public const int MaxSettingsLength = 64 * 1024;
    public const int MaxMessageIdLength = 256;
    public const int MaxReturnUrlLength = 2000;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SsoConnectionRecord>(connection =>
        {
            connection.ToTable("sso_connections");
            connection.HasKey(c => new { c.TenantId, c.Id }).HasName("pk_sso_connections");
            connection.HasIndex(c => new { c.TenantId, c.Name }).IsUnique().HasDatabaseName("ux_sso_connections_name");
            connection.Property(c => c.Name).HasMaxLength(MaxNameLength);
            connection.Property(c => c.Protocol).HasMaxLength(10);
            connection.Property(c => c.Settings).HasMaxLength(MaxSettingsLength);
            connection.Property(c => c.Secret).HasMaxLength(16 * 1024);
            connection.Property(c => c.PermissionCeiling).HasMaxLength(1000);
            connection.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).HasConstraintName("fk_sso_connections_tenants");
        });

        modelBuilder.Entity<SsoSettingsRecord>(settings =>
        {
            settings.ToTable("sso_settings");
            settings.HasKey(s => s.TenantId).HasName("pk_sso_settings");
            settings.HasOne<Tenant>().WithOne().HasForeignKey<SsoSettingsRecord>(s => s.TenantId).HasConstraintName("fk_sso_settings_tenants");
        });

        modelBuilder.Entity<SsoBreakGlassRecord>(breakGlass =>
        {
            breakGlass.ToTable("sso_break_glass");
            breakGlass.HasKey(b => new { b.TenantId, b.UserId }).HasName("pk_sso_break_glass");
            breakGlass.HasOne<UserRecord>().WithMany().HasForeignKey(b => new { b.TenantId, b.UserId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_sso_break_glass_users");
        });

        modelBuilder.Entity<SamlRequestRecord>(request =>
        {
            request.ToTable("saml_requests");
            request.HasKey(r => new { r.TenantId, r.Id }).HasName("pk_saml_requests");
            request.Property(r => r.Id).HasMaxLength(MaxMessageIdLength);
            request.Property(r => r.ReturnUrl).HasMaxLength(MaxReturnUrlLength);

            // Expired requests are purged, and the oldest found when the tenant's cap is reached, by this index.
            request.HasIndex(r => new { r.TenantId, r.Expires }).HasDatabaseName("ix_saml_requests_expires");
            request.HasOne<SsoConnectionRecord>().WithMany().HasForeignKey(r => new { r.TenantId, r.ConnectionId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_saml_requests_sso_connections");
        });

        modelBuilder.Entity<SamlAssertionRecord>(assertion =>
        {
            assertion.ToTable("saml_assertions");
            assertion.HasKey(a => new { a.TenantId, a.Id }).HasName("pk_saml_assertions");
            assertion.Property(a => a.Id).HasMaxLength(MaxMessageIdLength);
            assertion.HasIndex(a => new { a.TenantId, a.Expires }).HasDatabaseName("ix_saml_assertions_expires");
            assertion.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).HasConstraintName("fk_saml_assertions_tenants");
        });
    }
}
