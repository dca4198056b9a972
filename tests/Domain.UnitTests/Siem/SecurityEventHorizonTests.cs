using InfiniteSecurity.Domain.Siem;

namespace InfiniteSecurity.Domain.UnitTests.Siem;

public sealed class SecurityEventHorizonTests
{
    [Test]
    public void The_horizon_only_moves_forward_so_a_lost_cursor_never_becomes_valid_again()
    {
        var horizon = SecurityEventHorizon.At(10, 5);

        horizon.Advance(9, 99);
        Assert.That((horizon.Xact, horizon.Position), Is.EqualTo((10L, 5L)));
        horizon.Advance(10, 4);
        Assert.That((horizon.Xact, horizon.Position), Is.EqualTo((10L, 5L)));
        horizon.Advance(10, 6);
        Assert.That((horizon.Xact, horizon.Position), Is.EqualTo((10L, 6L)));
        horizon.Advance(11, 1);
        Assert.That((horizon.Xact, horizon.Position), Is.EqualTo((11L, 1L)));
    }
}
