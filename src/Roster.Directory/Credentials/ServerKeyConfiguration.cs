using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Roster.Directory.Credentials;

/// <summary>The <c>server_keys</c> table.</summary>
internal sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKeyRecord>
{
    public void Configure(EntityTypeBuilder<ServerKeyRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("server_keys");
        builder.HasKey(k => k.KeyId).HasName("pk_server_keys");
        builder.Property(k => k.KeyId).HasMaxLength(100);
        builder.Property(k => k.Purpose).HasMaxLength(50);
    }
}
