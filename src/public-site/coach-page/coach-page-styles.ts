// The public page's whole stylesheet, inline: one request for the page, no web
// fonts, no script. Mobile first (360 px), system fonts, contrast at least 4.5:1
// everywhere (#1b1f24 on white, #4a5360 muted, white on #0a58a8), 48 px targets.
export const coachPageCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#f5f7fa}
a{color:#0a58a8}
.wrap{max-width:40rem;margin:0 auto;padding:12px 16px 32px}
.lang{display:flex;justify-content:flex-end}
.lang a{display:inline-flex;align-items:center;min-height:48px;padding:0 8px;font-weight:600}
.brand{display:flex;align-items:center;gap:8px;padding:8px 16px;border-bottom:4px solid transparent;font-weight:600}.brand img{width:28px;height:28px;object-fit:contain}
.hero{display:grid;grid-template-columns:auto 1fr;gap:16px;align-items:center;margin:4px 0 16px}
.photo{width:88px;height:88px;border-radius:50%;object-fit:cover;background:#dbe4ee}
.initials{display:grid;place-items:center;width:88px;height:88px;border-radius:50%;background:#0a58a8;color:#fff;font-size:2rem;font-weight:700}
h1{font-size:1.625rem;line-height:1.2;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:0 0 12px}
h3{font-size:1.0625rem;margin:0 0 4px;overflow-wrap:anywhere}
.sub{margin:0;color:#4a5360}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0 0 16px}
.chips li{padding:2px 12px;border-radius:999px;background:#e3ecf7;color:#0d3f75;font-weight:600}
.bio p{margin:0 0 12px;overflow-wrap:anywhere}
section{margin:24px 0 0}
.offers{list-style:none;display:grid;gap:12px;padding:0;margin:0}
.card{background:#fff;border:1px solid #d4dbe3;border-radius:12px;padding:16px}
.card p{margin:0 0 8px;overflow-wrap:anywhere}
.meta{color:#4a5360}
.price{font-weight:700;color:#1b1f24}
.button{display:flex;align-items:center;justify-content:center;min-height:48px;padding:0 20px;border-radius:10px;background:#0a58a8;color:#fff;font-weight:700;text-decoration:none;margin-top:12px}
.button:hover{background:#084a8e}
.button:focus-visible,a:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.note{background:#fff;border-left:4px solid #4a5360;padding:12px 16px;border-radius:4px}
dl{margin:0}dt{font-weight:700;margin-top:8px}dd{margin:0}
footer{margin-top:32px;color:#4a5360;font-size:.875rem}
.cover{display:block;width:100%;max-height:240px;object-fit:cover;border-radius:12px;margin:0 0 16px;background:#dbe4ee}
.outline{margin:0;padding-left:1.5rem;display:grid;gap:8px}
.outline li{overflow-wrap:anywhere}
.outline a{font-weight:600}
.badge{display:inline-block;padding:0 8px;border-radius:999px;background:#e3ecf7;color:#0d3f75;font-size:.875rem;font-weight:600}
.lesson{margin-top:12px}
.lesson video,.lesson audio{display:block;width:100%;margin:0 0 12px}
form{display:grid;gap:4px;margin-top:8px}
label{font-weight:600;margin-top:8px}
input[type=email],input[type=text]{min-height:48px;padding:8px 12px;font:inherit;border:1px solid #6b7480;border-radius:8px;background:#fff;color:#1b1f24}
button.button{border:0;font:inherit;font-weight:700;cursor:pointer;width:100%}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.note.ok{border-left-color:#1e7a3c}
.note.error{border-left-color:#b3261e}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (min-width:600px){.photo,.initials{width:112px;height:112px}h1{font-size:2rem}}
`
  .trim()
  .replace(/\n/g, '');
