using InfiniteSecurity.Domain.Siem;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

/// <summary>Rows are only ever inserted by the triggers of migration SecurityEventStream, never through EF.</summary>
internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("security_events");
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Position).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.EventType).HasMaxLength(64);
        builder.Property(e => e.Actor).HasMaxLength(128);
        builder.Property(e => e.SourceIp).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.Outcome).HasMaxLength(32);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.Property(e => e.Category).HasMaxLength(32);
        builder.Property(e => e.Severity).HasMaxLength(16);
        builder.Property(e => e.RuleIds).HasMaxLength(1000);
        builder.Property(e => e.Locations).HasMaxLength(1000);
        builder.HasIndex(e => new { e.Xact, e.Position });
        builder.HasIndex(e => e.OccurredAt);
    }
}
