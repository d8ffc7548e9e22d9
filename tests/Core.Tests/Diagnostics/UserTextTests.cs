using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Diagnostics;

public class UserTextTests
{
    [Test]
    public void Plain_text_is_kept_as_it_is() =>
        Assert.That(UserText.Quote("resnet50 (v1.5) — ünïcode 模型 😀"), Is.EqualTo("resnet50 (v1.5) — ünïcode 模型 😀"));

    [TestCase("a\nb", @"a\nb")]
    [TestCase("a\r\n::error file=x::forged", @"a\r\n::error file=x::forged")]
    [TestCase("\u001b[32mPASS\u001b[0m", @"\u001b[32mPASS\u001b[0m")]
    [TestCase("tab\there", @"tab\there")]
    [TestCase("nul\0", @"nul\u0000")]
    [TestCase("del\u007f c1\u009b", @"del\u007f c1\u009b")]
    [TestCase("line\u2028sep", @"line\u2028sep")]
    [TestCase("evil\u202egnp.exe", @"evil\u202egnp.exe")]
    [TestCase("iso\u2066late\u2069", @"iso\u2066late\u2069")]
    public void Control_and_direction_characters_become_visible_escapes(string raw, string shown) =>
        Assert.That(UserText.Quote(raw), Is.EqualTo(shown));

    [Test]
    public void Lone_surrogates_are_escaped_and_pairs_kept()
    {
        Assert.That(UserText.Escape("a\ud800b"), Is.EqualTo(@"a\ud800b"));
        Assert.That(UserText.Escape("a\udc00"), Is.EqualTo(@"a\udc00"));
        Assert.That(UserText.Escape("😀"), Is.EqualTo("😀"));
    }

    [Test]
    public void Long_values_are_cut_and_the_rest_counted()
    {
        var quoted = UserText.Quote(new string('x', 10_000_000));
        Assert.That(quoted, Has.Length.LessThan(UserText.DefaultMaxLength + 40));
        Assert.That(quoted, Does.StartWith(new string('x', UserText.DefaultMaxLength)));
        Assert.That(quoted, Does.EndWith($"…({10_000_000 - UserText.DefaultMaxLength} more characters)"));
    }

    [Test]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var quoted = UserText.Quote(new string('x', 4) + "😀😀", maxLength: 5);
        Assert.That(quoted, Does.StartWith("xxxx…"));
        Assert.That(quoted, Does.Not.Contain("\ud83d…"));
    }

    [Test]
    public void Null_and_empty_read_as_empty()
    {
        Assert.That(UserText.Quote(null), Is.Empty);
        Assert.That(UserText.Quote(string.Empty), Is.Empty);
    }
}
