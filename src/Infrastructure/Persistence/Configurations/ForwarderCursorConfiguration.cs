using InfiniteSecurity.Domain.Siem;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class ForwarderCursorConfiguration : IEntityTypeConfiguration<ForwarderCursor>
{
    public void Configure(EntityTypeBuilder<ForwarderCursor> builder)
    {
        builder.ToTable("forwarder_cursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}
