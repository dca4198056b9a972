namespace InfiniteSecurity.Application.Statistics.GetStatistics;

/// <summary>A source address and how many stored threats came from it.</summary>
public sealed record SourceCount(string SourceIp, int Threats);
