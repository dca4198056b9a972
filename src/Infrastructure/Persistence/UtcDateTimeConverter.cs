using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InfiniteSecurity.Infrastructure.Persistence;

/// <summary>Stores UTC as is and marks values read back as UTC (the domain refuses any other kind).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
