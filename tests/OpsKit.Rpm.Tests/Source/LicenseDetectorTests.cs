// License texts, SPDX headers and metadata to SPDX; GPL "-only" versus "-or-later".
using OpsKit.Core;
using OpsKit.Rpm.Source;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Source;

public sealed class LicenseDetectorTests
{
    private const string Gpl2Head = "GNU GENERAL PUBLIC LICENSE\n   Version 2, June 1991\n\n Copyright (C) 1989, 1991 Free Software Foundation, Inc.\n";

    private static async Task<LicenseFinding> Detect(TempDir dir, string? metadata = null)
    {
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), dir.Path);
        return LicenseDetector.Detect(tree, metadata, "test metadata");
    }

    [Fact]
    public async Task Gpl_text_alone_is_only_and_flagged_for_review()
    {
        using var dir = new TempDir("rpm-lic");
        dir.Write("COPYING", Gpl2Head);
        dir.Write("main.c", "int main(void) { return 0; }\n");
        var f = await Detect(dir);
        Assert.Equal("GPL-2.0-only", f.Expression);
        Assert.True(f.NeedsReview);
    }

    [Fact]
    public async Task Gpl_text_with_an_any_later_version_grant_is_or_later()
    {
        using var dir = new TempDir("rpm-lic");
        dir.Write("COPYING", Gpl2Head);
        dir.Write("main.c", "/* This program is free software; you can redistribute it and/or modify\n * it under the terms of the GNU General Public License as published by\n * the Free Software Foundation; either version 2 of the License, or\n * (at your option) any later version. */\n");
        var f = await Detect(dir);
        Assert.Equal("GPL-2.0-or-later", f.Expression);
        Assert.False(f.NeedsReview);
    }

    [Fact]
    public async Task Two_license_texts_are_joined_with_AND()
    {
        using var dir = new TempDir("rpm-lic");
        File.Copy(Path.Combine(Samples.Fixture("hello-make"), "LICENSE"), dir.File("LICENSE-MIT"));
        File.Copy(Path.Combine(Samples.Fixture("greet-autotools"), "COPYING"), dir.File("LICENSE.BSD"));
        Assert.Equal("BSD-2-Clause AND MIT", (await Detect(dir)).Expression);
    }

    [Fact]
    public async Task Metadata_wins_and_legacy_names_become_spdx()
    {
        using var dir = new TempDir("rpm-lic");
        dir.Write("COPYING", Gpl2Head);
        var f = await Detect(dir, "GPLv2+");
        Assert.Equal("GPL-2.0-or-later", f.Expression);
        Assert.Contains("test metadata", f.Evidence);
    }

    [Fact]
    public async Task Unknown_text_finds_nothing()
    {
        using var dir = new TempDir("rpm-lic");
        dir.Write("LICENSE", "All rights reserved. Ask before copying.\n");
        Assert.Null((await Detect(dir)).Expression);
    }
}

public sealed class SpdxTests
{
    [Theory]
    [InlineData("mit", "MIT")]
    [InlineData("MIT/Apache-2.0", null)]
    [InlineData("(mit or apache-2.0) and bsd-3-clause", "(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0")]
    [InlineData("Apache Software License", "Apache-2.0")]
    [InlineData("ASL 2.0", "Apache-2.0")]
    [InlineData("LicenseRef-Acme-Proprietary", "LicenseRef-Acme-Proprietary")]
    [InlineData("Made-Up-1.0", null)]
    public void Normalises_known_forms(string input, string? expected) => Assert.Equal(expected, Spdx.Normalise(input));
}
