using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;

namespace Roster.Directory.Groups;

/// <summary>The <c>group_members</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class GroupMemberConfiguration(RosterDbContext context) : IEntityTypeConfiguration<GroupMemberRecord>
{
    public void Configure(EntityTypeBuilder<GroupMemberRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("group_members");
        builder.HasKey(m => new { m.TenantId, m.GroupId, m.MemberId }).HasName("pk_group_members");

        // "Which groups is this user in?" for a user's groups attribute, members.value filters and
        // deletes; covering (group_id included) so those are seeks that never visit the table.
        builder.HasIndex(m => new { m.TenantId, m.MemberId, m.GroupId }).HasDatabaseName("ix_group_members_member_id");
        builder.Property(m => m.MemberType).HasMaxLength(5);

        // member_id names a user or a group, so only the group side can be a foreign key.
        builder.HasOne<GroupRecord>().WithMany().HasForeignKey(m => new { m.TenantId, m.GroupId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_group_members_groups");
        builder.HasQueryFilter(m => m.TenantId == context.TenantId);
    }
}
