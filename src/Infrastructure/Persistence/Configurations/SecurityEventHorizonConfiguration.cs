using InfiniteSecurity.Domain.Siem;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class SecurityEventHorizonConfiguration : IEntityTypeConfiguration<SecurityEventHorizon>
{
    public void Configure(EntityTypeBuilder<SecurityEventHorizon> builder)
    {
        builder.ToTable("security_event_horizon");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
    }
}
