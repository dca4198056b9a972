using InfiniteSecurity.Domain.Threats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class ThreatConfiguration : IEntityTypeConfiguration<Threat>
{
    public void Configure(EntityTypeBuilder<Threat> builder)
    {
        builder.ToTable("threats");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Category).HasMaxLength(32);
        builder.Property(t => t.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.PatternsMatched).HasMaxLength(1000);
        builder.Property(t => t.Evidence).HasMaxLength(Threat.MaxEvidenceLength);
        builder.Property(t => t.InputSha256).HasMaxLength(64);
        builder.Property(t => t.SourceIp).HasMaxLength(64);
        builder.Property(t => t.UserId).HasMaxLength(128);
        builder.Property(t => t.Locations).HasMaxLength(Threat.MaxLocationsLength);
        builder.Property(t => t.ReviewState).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.AggregationKey).HasMaxLength(64);
        builder.HasIndex(t => t.AggregationKey).IsUnique();
        builder.HasIndex(t => t.DetectedAt);
        builder.HasIndex(t => t.RiskScore);
        builder.HasIndex(t => t.Category);
    }
}
