using InfiniteSecurity.Domain.Exclusions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class DetectionExclusionConfiguration : IEntityTypeConfiguration<DetectionExclusion>
{
    public void Configure(EntityTypeBuilder<DetectionExclusion> builder)
    {
        builder.ToTable("detection_exclusions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.PathPrefix).HasMaxLength(ExclusionRules.MaxPathPrefixLength);
        builder.Property(e => e.Location).HasMaxLength(ExclusionRules.MaxLocationLength);
        builder.Property(e => e.RuleId).HasMaxLength(ExclusionRules.MaxRuleIdLength);
        builder.Property(e => e.Family).HasMaxLength(ExclusionRules.MaxFamilyLength);
        builder.Property(e => e.Method).HasMaxLength(ExclusionRules.MaxMethodLength);
        builder.Property(e => e.Host).HasMaxLength(ExclusionRules.MaxHostLength);
        builder.Property(e => e.Note).HasMaxLength(ExclusionRules.MaxNoteLength);
        builder.Property(e => e.CreatedBy).HasMaxLength(128);
        builder.Property(e => e.RemovedBy).HasMaxLength(128);
        builder.Ignore(e => e.IsActive);
        builder.HasIndex(e => e.RemovedAt);
    }
}
