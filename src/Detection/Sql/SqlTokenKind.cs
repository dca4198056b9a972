namespace InfiniteSecurity.Detection.Sql;

/// <summary>Token classes of the SQL lexer, close to libinjection's fingerprint alphabet.</summary>
internal enum SqlTokenKind
{
    Word,
    Number,
    String,
    Variable,
    Operator,
    Logic,
    LeftParen,
    RightParen,
    Comma,
    Semicolon,
    Comment,
    Other,
}
