using InfiniteSecurity.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfiniteSecurity.Infrastructure.Persistence.Configurations;

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => new { t.NormalizedUserName, t.Source });
        builder.Property(t => t.NormalizedUserName).HasMaxLength(User.MaxUserNameLength);
        builder.Property(t => t.Source).HasMaxLength(SignInThrottle.MaxSourceLength);
        // Parallel failed sign-ins must not overwrite each other's count: the loser reloads and counts again.
        builder.Property(t => t.FailureCount).IsConcurrencyToken();
        builder.HasIndex(t => t.LastFailureAt);
    }
}
