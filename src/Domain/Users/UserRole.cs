namespace InfiniteSecurity.Domain.Users;

public enum UserRole
{
    User = 0,
    Analyst = 1,
    Admin = 2,
}
