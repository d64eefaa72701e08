import './globals.css';

// Requests outside any locale (e.g. /nonsense.xml) land here; localized 404s are app/[locale]/not-found.tsx.
export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body>
        <main className="container">
          <h1>404 · 页面不存在 / Page not found</h1>
          <p>
            <a href="/zh">公开年报首页</a> · <a href="/en">gongkai home</a>
          </p>
        </main>
      </body>
    </html>
  );
}
