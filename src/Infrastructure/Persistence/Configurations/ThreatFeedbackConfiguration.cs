using InfiniteSecurity.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class ThreatFeedbackConfiguration : IEntityTypeConfiguration<ThreatFeedback>
{
    public void Configure(EntityTypeBuilder<ThreatFeedback> builder)
    {
        builder.ToTable("threat_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.AnalystId).HasMaxLength(ThreatFeedback.MaxAnalystIdLength);
        builder.Property(f => f.Verdict).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Comment).HasMaxLength(ThreatFeedback.MaxCommentLength);
        // One verdict per analyst per threat: a second one replaces the first (and a racing duplicate is a 409).
        builder.HasIndex(f => new { f.ThreatId, f.AnalystId }).IsUnique();
    }
}
