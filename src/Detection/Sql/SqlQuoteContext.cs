namespace InfiniteSecurity.Detection.Sql;

/// <summary>Where the application may have placed the input inside its query.</summary>
internal enum SqlQuoteContext
{
    Unquoted,
    SingleQuoted,
    DoubleQuoted,
    Backticked,
}
