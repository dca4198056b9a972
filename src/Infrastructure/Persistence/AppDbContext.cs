using System.Text;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Clients;
using InfiniteSecurity.Domain.Exclusions;
using InfiniteSecurity.Domain.Feedback;
using InfiniteSecurity.Domain.Sessions;
using InfiniteSecurity.Domain.Siem;
using InfiniteSecurity.Domain.Statistics;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InfiniteSecurity.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Threat> Threats => Set<Threat>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<MachineClient> MachineClients => Set<MachineClient>();
    public DbSet<DetectionExclusion> DetectionExclusions => Set<DetectionExclusion>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<SecurityEventHorizon> SecurityEventHorizons => Set<SecurityEventHorizon>();
    public DbSet<ForwarderCursor> ForwarderCursors => Set<ForwarderCursor>();
    public DbSet<ThreatFeedback> ThreatFeedback => Set<ThreatFeedback>();
    public DbSet<RuleFeedback> RuleFeedback => Set<RuleFeedback>();
    public DbSet<RuleWeightOverride> RuleWeightOverrides => Set<RuleWeightOverride>();
    public DbSet<RequestCounter> RequestCounters => Set<RequestCounter>();
    public DbSet<ThreatInput> ThreatInputs => Set<ThreatInput>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Use cases save through <see cref="IAppDbContext"/> and see a lost race as <see cref="WriteConflictException"/>;
    /// other failures pass unchanged. Infrastructure code that holds the context itself keeps EF's own exceptions.
    /// </summary>
    async Task<int> IAppDbContext.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new WriteConflictException(staleRow: true, ex);
        }
        catch (DbUpdateException ex) when (IsKeyCollision(ex.InnerException))
        {
            throw new WriteConflictException(staleRow: false, ex);
        }
    }

    /// <summary>A unique or primary key violation: SQLite's constraint codes, PostgreSQL's 23505.</summary>
    private static bool IsKeyCollision(Exception? inner) => inner switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // snake_case names, so SQL written by DBAs and SIEM queries look the same on SQLite and PostgreSQL.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored as UTC; reading it back must say so (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
