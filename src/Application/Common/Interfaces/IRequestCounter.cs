namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// Counts answered analyses for the statistics. Called once per analysis on the hot path, so it only adds to memory;
/// the implementation writes the sums to the database in the background.
/// </summary>
public interface IRequestCounter
{
    void Count(bool threat, bool blocked);
}
