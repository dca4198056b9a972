using InfiniteSecurity.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class RequestCounterConfiguration : IEntityTypeConfiguration<RequestCounter>
{
    public void Configure(EntityTypeBuilder<RequestCounter> builder)
    {
        builder.ToTable("request_counters");
        builder.HasKey(c => c.BucketStart);
        builder.Property(c => c.BucketStart).ValueGeneratedNever();
    }
}
