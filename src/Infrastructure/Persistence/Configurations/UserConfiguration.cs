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
        builder.Property(u => u.PasswordHash).HasMaxLength(1024);
        builder.Property(u => u.ProtectedAuthenticatorKey).HasMaxLength(1024);
        builder.Property(u => u.RecoveryCodeHashes).HasMaxLength(1024);
        builder.Property(u => u.LastAuthenticatorCodeHash).HasMaxLength(128);
        builder.Ignore(u => u.RecoveryCodesLeft);
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
    }
}
