using InfiniteSecurity.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class MachineClientConfiguration : IEntityTypeConfiguration<MachineClient>
{
    public void Configure(EntityTypeBuilder<MachineClient> builder)
    {
        builder.ToTable("machine_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ClientId).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(MachineClient.MaxNameLength);
        builder.Property(c => c.SecretHash).HasMaxLength(128);
        builder.Property(c => c.Scopes).HasMaxLength(256);
        builder.Ignore(c => c.IsRevoked);
        builder.Ignore(c => c.GrantedScopes);
        builder.HasIndex(c => c.ClientId).IsUnique();
    }
}
