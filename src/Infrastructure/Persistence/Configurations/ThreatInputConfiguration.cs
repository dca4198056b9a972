using InfiniteSecurity.Domain.Threats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class ThreatInputConfiguration : IEntityTypeConfiguration<ThreatInput>
{
    public void Configure(EntityTypeBuilder<ThreatInput> builder)
    {
        builder.ToTable("threat_inputs");
        builder.HasKey(i => i.ThreatId);
        builder.Property(i => i.ThreatId).ValueGeneratedNever();
        builder.Property(i => i.Ciphertext).IsRequired();
        builder.Property(i => i.ContentType).HasMaxLength(ThreatInput.MaxContentTypeLength);

        // Deleted with its threat by the database itself, so retention's bulk delete of threats takes the inputs along.
        builder.HasOne<Threat>().WithOne(t => t.Input).HasForeignKey<ThreatInput>(i => i.ThreatId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.StoredAt);
    }
}
