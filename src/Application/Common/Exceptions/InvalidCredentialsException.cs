namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>
/// Sign-in failed. One message for every cause (unknown name, wrong password, disabled account, bad refresh token),
/// so the answer never tells which accounts exist. Mapped to 401.
/// </summary>
public sealed class InvalidCredentialsException() : Exception("Invalid credentials.");
