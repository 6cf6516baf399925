using Microsoft.Playwright;
using NUnit.Framework;

namespace AzureML.Core.Interactive.Tests.Browser;

/// <summary>A view's HTML opened as a page in headless Chromium, with every console error and page error recorded.</summary>
internal sealed class ViewPage : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _errors = [];

    private ViewPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") lock (_errors) _errors.Add("console: " + message.Text); };
        page.PageError += (_, error) => { lock (_errors) _errors.Add("page: " + error); };
        page.RequestFailed += (_, request) => { lock (_errors) _errors.Add("request: " + request.Url); };
    }

    public IPage Page { get; }

    /// <summary>Console errors, script errors and failed requests so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return _errors.ToArray(); }
    }

    public static async Task<ViewPage> OpenAsync(string html, string folder)
    {
        string executable = Chromium.EnsureInstalled();
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = Chromium.Arguments });
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var view = new ViewPage(playwright, browser, page);
        string file = Path.Combine(folder, "view.html");
        await File.WriteAllTextAsync(file, $"<!doctype html><html><head><meta charset=\"utf-8\"><title>view</title></head><body>{html}</body></html>");
        await page.GotoAsync(new Uri(file).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        return view;
    }

    /// <summary>Saves a full-page screenshot as a test artifact and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
