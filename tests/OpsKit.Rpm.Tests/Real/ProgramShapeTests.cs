// Rules that came from a third set of real upstream tarballs, of program and Perl shapes (Debian bookworm's .orig
// tarballs of dtach, ccze, tmux, bc, cowsay, moreutils, units, figlet, nano and Module-Runtime): each is checked on the
// unchanged file that motivated it, in tests/data/rpm-real/excerpts. Inspection only.
using OpsKit.Core;
using OpsKit.Rpm.Build;
using OpsKit.Rpm.Source;
using OpsKit.Rpm.Source.Readers;
using OpsKit.Rpm.Spec;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Real;

public sealed class ProgramShapeTests
{
    [Fact]
    public async Task Dtach_handwritten_makefile_in_without_install_or_check_target_installs_what_the_build_made()
    {
        using var tree = await RealData.OpenExcerpt("dtach-0.9");
        Assert.Equal((false, (string?)null), AutotoolsReader.HandwrittenMakefile(tree));
        var meta = AutotoolsReader.Read(tree);
        Assert.Null(meta.CheckTarget);
        Assert.False(meta.Makefile!.HasInstall);
    }

    [Fact]
    public async Task Automake_projects_and_handwritten_makefiles_with_targets_keep_install_and_check()
    {
        // hello 2.10 has Makefile.am: automake always writes install and check.
        using var hello = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "hello-2.10.tar.gz"));
        Assert.Null(AutotoolsReader.HandwrittenMakefile(hello));
        Assert.Equal("check", AutotoolsReader.Read(hello).CheckTarget);
        Assert.Null(AutotoolsReader.Read(hello).Makefile);
        // units 2.22's hand-written Makefile.in has "install:" and "check:".
        using var units = await RealData.OpenExcerpt("units-2.22");
        Assert.Equal((true, "check"), AutotoolsReader.HandwrittenMakefile(units));
    }

    [Fact]
    public async Task Ccze_required_pcre_config_and_ncurses_are_build_requirements_and_a_missing_pcre_config_is_exit_69()
    {
        using var tree = await RealData.OpenExcerpt("ccze-0.2.1");
        var text = File.ReadAllText(tree.File("configure.ac"));
        Assert.Equal([("pcre-config", "pcre-devel", "libpcre3-dev")], AutotoolsReader.ConfigScripts(text));
        // AC_CHECK_LIB(ncurses, initscr, [], [AC_ERROR(...)]) is required; AC_CHECK_LIB(dl, dlopen) as a fallback is not.
        Assert.Equal(["pkgconfig(ncurses)"], AutotoolsReader.RequiredLibraries(text));
        var meta = AutotoolsReader.Read(tree);
        Assert.Contains("pcre-devel", meta.BuildRequires);
        Assert.Contains("pkgconfig(ncurses)", meta.BuildRequires);
        var e = Assert.Throws<OpsKitException>(() => BuildTools.Require(meta.BuildRequires, p => p == "pcre-config" ? null : "/usr/bin/" + p));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("'pcre-config'", e.Message);
        Assert.Contains("Debian: apt-get install libpcre3-dev; Fedora: dnf install pcre-devel", e.Message);
    }

    [Fact]
    public async Task Htop_libraries_required_only_when_a_feature_is_asked_for_are_no_build_requirement()
    {
        // --enable-capabilities=yes stops without libcap, its default (check) turns the feature off: libcap is optional.
        using var tree = await RealData.OpenExcerpt("htop-3.2.2");
        var text = File.ReadAllText(tree.File("configure.ac"));
        Assert.Contains("AC_CHECK_LIB([cap], [cap_init], [], [AC_MSG_ERROR([can not find required library libcap])])", text);
        Assert.Empty(AutotoolsReader.RequiredLibraries(text));
        Assert.DoesNotContain(AutotoolsReader.Read(tree).BuildRequires, b => b.Contains("cap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Htop_gplv2_plus_shorthand_in_source_headers_is_or_later()
    {
        // COPYING is the GPL-2.0 text; Action.c: "Released under the GNU GPLv2+, see the COPYING file".
        using var tree = await RealData.OpenExcerpt("htop-3.2.2");
        var license = LicenseDetector.Detect(tree, null, "metadata");
        Assert.Equal("GPL-2.0-or-later", license.Expression);
        Assert.False(license.NeedsReview);
    }

    [Fact]
    public async Task Less_choice_of_two_licences_is_or_and_its_summary_comes_from_less_nro()
    {
        // README: "under the terms of either: 1. The GNU General Public License ... or 2. The Less License".
        using var tree = await RealData.OpenExcerpt("less-590");
        var license = LicenseDetector.Detect(tree, null, "metadata");
        Assert.Equal("BSD-2-Clause OR GPL-3.0-or-later", license.Expression);
        Assert.Contains("README", license.Evidence);
        Assert.Equal(("opposite of more", "less.nro"), ManPageReader.Summary(tree, "less"));
        // "The formatted manual page is in less.man." says where a file is: neither summary nor description.
        var (summary, description, _) = ReadmeReader.Read(tree);
        Assert.DoesNotContain("less.man", summary ?? "");
        Assert.DoesNotContain("less.man", description ?? "");
        // Nor are its configure options or the paragraphs under "INSTALLATION (Unix & Linux systems only):".
        Assert.DoesNotContain("--with-editor", description ?? "");
        Assert.DoesNotContain("make sure", description ?? "");
        Assert.DoesNotContain("This will generate", description ?? "");
    }

    [Fact]
    public async Task Tmux_libevent_check_with_a_fallback_that_ends_in_an_error_is_required_and_only_the_first_module()
    {
        using var tree = await RealData.OpenExcerpt("tmux-3.3a");
        var meta = AutotoolsReader.Read(tree);
        Assert.Contains("pkgconfig(libevent_core)", meta.BuildRequires);
        Assert.DoesNotContain("pkgconfig(libevent)", meta.BuildRequires);
        // pixman's optional gtk check stays optional: nothing stops configure when it is missing.
        using var pixman = await RealData.OpenExcerpt("pixman-0.42.2");
        Assert.DoesNotContain("pkgconfig(gtk+-3.0)", AutotoolsReader.Read(pixman).BuildRequires);
    }

    [Fact]
    public async Task Bc_manual_including_a_configure_generated_file_needs_makeinfo_and_hello_does_not()
    {
        using var bc = await RealData.OpenExcerpt("bc-1.07.1");
        Assert.True(AutotoolsReader.IncludesGeneratedFile(bc));
        using var hello = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "hello-2.10.tar.gz"));
        Assert.False(AutotoolsReader.IncludesGeneratedFile(hello));
    }

    [Fact]
    public async Task Cowsay_licence_in_words_is_perls_and_its_install_sh_is_refused_not_packaged()
    {
        using var tree = await RealData.OpenExcerpt("cowsay-3.03+dfsg2");
        var license = LicenseDetector.Detect(tree, null, "metadata");
        Assert.Equal("GPL-1.0-or-later OR Artistic-1.0-Perl", license.Expression);
        Assert.False(license.NeedsReview);
        // install.sh was packaged as /usr/bin/install.sh, the program itself (no #! line, "#%BANGPERL%") left out.
        Assert.DoesNotContain("install.sh", ScriptFinder.Find(tree));
        Assert.Equal("install.sh", ScriptFinder.Installer(tree));
        var e = Assert.Throws<OpsKitException>(() => ShapeDetector.Detect(tree, "cowsay-3.03+dfsg2.tar.gz"));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Contains("cowsay-3.03+dfsg2.tar.gz: the project installs with its own install.sh", e.Message);
        Assert.Contains("write %install by hand", e.Message);
    }

    [Fact]
    public async Task Pwgen_gpl_named_without_a_version_is_refused_saying_where_it_is_named()
    {
        // pwgen 2.08 has no licence file; pwgen.c: "distributed under the terms of the GNU Public License."
        using var tree = await RealData.OpenExcerpt("pwgen-2.08");
        var license = LicenseDetector.Detect(tree, null, "metadata");
        Assert.Null(license.Expression);
        Assert.Contains("pwgen.c names the GNU Public License without a version", license.Evidence);
    }

    [Fact]
    public async Task Moreutils_man_page_tools_are_build_requirements_and_a_missing_xmllint_is_exit_69()
    {
        using var tree = await RealData.OpenExcerpt("moreutils-0.67");
        var doc = MakefileReader.DocTools(File.ReadAllText(tree.File("Makefile"))).ToList();
        Assert.Equal(["libxml2", "libxslt", "perl-podlators", "docbook-style-xsl", "docbook-dtds"], doc);
        var e = Assert.Throws<OpsKitException>(() => BuildTools.Require(doc, p => p == "xmllint" ? null : "/usr/bin/" + p));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("Debian: apt-get install libxml2-utils; Fedora: dnf install libxml2", e.Message);
    }

    [Fact]
    public async Task Man_page_tools_are_no_requirement_when_the_archive_ships_the_pages()
    {
        // lz4 1.9.4 has a ronn rule for lz4.1 and dos2unix a pod2man one, but both ship their pages: make never runs them.
        using var lz4 = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "lz4-1.9.4.tar.gz"));
        Assert.Contains("ronn", File.ReadAllText(lz4.File("programs/Makefile")));
        Assert.Empty(MakefileReader.DocTools(lz4, File.ReadAllText(lz4.File("programs/Makefile"))));
        Assert.DoesNotContain("rubygem-ronn-ng", MakefileReader.Read(lz4).BuildRequires);
        using var moreutils = await RealData.OpenExcerpt("moreutils-0.67");
        Assert.Contains("libxml2", MakefileReader.Read(moreutils).BuildRequires);
    }

    [Fact]
    public async Task Units_summary_from_its_man_source_with_an_em_dash()
    {
        using var tree = await RealData.OpenExcerpt("units-2.22");
        Assert.Equal(("unit conversion and calculation program", "units.man"), ManPageReader.Summary(tree, "units"));
    }

    [Fact]
    public void A_symlink_into_the_staging_folder_is_repointed_relative_in_install()
    {
        // units 2.22's Makefile.in: "ln -sf $(DESTDIR)@CDAT@currency.units $(DESTDIR)@UDAT@currency.units".
        Assert.Contains("ln -sf $(DESTDIR)@CDAT@currency.units $(DESTDIR)@UDAT@currency.units", File.ReadAllText(Path.Combine(RealData.Excerpt("units-2.22"), "Makefile.in")));
        using var dir = new TempDir("rpm-links");
        Directory.CreateDirectory(dir.File("var/lib/units"));
        Directory.CreateDirectory(dir.File("usr/share/units"));
        File.WriteAllText(dir.File("var/lib/units/currency.units"), "");
        File.CreateSymbolicLink(dir.File("usr/share/units/currency.units"), dir.File("var/lib/units/currency.units"));
        File.CreateSymbolicLink(dir.File("usr/share/units/fine"), "../../../var/lib/units/currency.units");
        var plan = BuildrootLinks.Repair(dir.Path, new FilesPlan());
        Assert.Equal(["ln -sfn ../../../var/lib/units/currency.units %{buildroot}%{_datadir}/units/currency.units"], plan.InstallExtras);
        Assert.Contains(plan.Notes, n => n.Contains("/usr/share/units/currency.units", StringComparison.Ordinal));
    }

    [Fact]
    public void Version_manager_shims_are_not_on_the_build_path()
    {
        Assert.Equal("/usr/local/bin:/usr/bin:/bin",
            BuildPath.WithoutShims("/root/.pyenv/plugins/pyenv-virtualenv/shims:/root/.pyenv/shims:/root/.pyenv/bin:/usr/local/bin:/usr/bin:/bin"));
        Assert.Null(BuildPath.WithoutShims("/usr/local/bin:/usr/bin:/bin"));
    }

    [Fact]
    public async Task Figlet_description_stops_at_the_banner_drawn_under_its_first_sentence()
    {
        using var tree = await RealData.OpenExcerpt("figlet-2.2.5");
        Assert.Equal("FIGlet is a program that creates large characters out of ordinary screen characters", ReadmeReader.Read(tree).Description);
    }

    [Fact]
    public async Task Nano_indented_readme_gives_its_purpose_paragraph_not_the_drawn_screen()
    {
        using var tree = await RealData.OpenExcerpt("nano-7.2");
        var description = ReadmeReader.Read(tree).Description!;
        Assert.StartsWith("Nano is a small and simple text editor for use on the terminal.", description);
        Assert.DoesNotContain("|", description);
    }

    [Fact]
    public async Task Nano_home_page_is_the_readme_link_whose_host_names_it()
    {
        // nano's README links https://www.gnu.org/ first and https://nano-editor.org/ later.
        using var nano = await RealData.OpenExcerpt("nano-7.2");
        Assert.Equal("https://www.gnu.org/", ReadmeReader.Read(nano).Url);
        Assert.Equal("https://nano-editor.org/", ReadmeReader.ProjectHomePage(nano, "nano"));
        // A name inside a word is neither the host naming it nor a word of an address.
        Assert.Null(ReadmeReader.ProjectHomePage(nano, "ano"));
    }

    [Fact]
    public async Task Module_runtime_readme_with_pod_headings_at_the_margin_gives_its_description_section()
    {
        using var tree = await RealData.OpenExcerpt("Module-Runtime-0.016");
        Assert.StartsWith("The functions exported by this module deal with runtime handling of Perl modules", ReadmeReader.Read(tree).Description);
    }
}
