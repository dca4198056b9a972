using InfiniteSecurity.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class RuleWeightOverrideConfiguration : IEntityTypeConfiguration<RuleWeightOverride>
{
    public void Configure(EntityTypeBuilder<RuleWeightOverride> builder)
    {
        builder.ToTable("rule_weight_overrides");
        builder.HasKey(r => r.RuleId);
        builder.Property(r => r.RuleId).HasMaxLength(RuleWeightOverride.MaxRuleIdLength);
        builder.Property(r => r.UpdatedBy).HasMaxLength(128);
        builder.Property(r => r.Reason).HasMaxLength(RuleWeightOverride.MaxReasonLength);
    }
}
