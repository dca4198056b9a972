using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

/// <summary>The Data Protection key ring, shared by every replica on the database (ADR 0022).</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(100);

        // One row per key (the name carries the key id): two replicas importing the same file key cannot both succeed.
        builder.HasIndex(k => k.FriendlyName).IsUnique();
    }
}
