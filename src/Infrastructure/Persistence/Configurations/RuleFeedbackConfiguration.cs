using InfiniteSecurity.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class RuleFeedbackConfiguration : IEntityTypeConfiguration<RuleFeedback>
{
    public void Configure(EntityTypeBuilder<RuleFeedback> builder)
    {
        builder.ToTable("rule_feedback");
        builder.HasKey(r => r.RuleId);
        builder.Property(r => r.RuleId).HasMaxLength(RuleWeightOverride.MaxRuleIdLength);
    }
}
