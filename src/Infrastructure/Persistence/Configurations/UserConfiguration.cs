using InfiniteSecurity.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserName).HasMaxLength(User.MaxUserNameLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(User.MaxUserNameLength);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
    }
}
