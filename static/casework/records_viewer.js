// The record viewer: draws each page of a PDF to a canvas with PDF.js (vendored in
// ./pdfjs/). The file's bytes are fetched once (one access-log row per view) and
// handed to PDF.js as data; no script, form or link inside the file ever runs.
"use strict";

(function () {
  const viewer = document.querySelector("[data-record-viewer]");
  if (!viewer) {
    return;
  }
  const status = viewer.querySelector(".rv-status");
  const pages = viewer.querySelector(".rv-pages");

  async function drawPage(pdf, number) {
    const page = await pdf.getPage(number);
    const natural = page.getViewport({ scale: 1 });
    // Drawn at the column's width (at most twice natural size), sharp on
    // high-density screens; CSS scales the canvas down to fit.
    const fit = Math.min(2, Math.max(pages.clientWidth, 320) / natural.width);
    const viewport = page.getViewport({
      scale: fit * (window.devicePixelRatio || 1),
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute("role", "img");
    canvas.setAttribute(
      "aria-label",
      `${viewer.dataset.pageLabel} ${number} ${viewer.dataset.of} ${pdf.numPages}`,
    );
    pages.append(canvas);
    await page.render({ canvas, viewport }).promise;
  }

  async function show() {
    const pdfjs = await import(viewer.dataset.pdfjs);
    pdfjs.GlobalWorkerOptions.workerSrc = viewer.dataset.worker;
    const response = await fetch(viewer.dataset.content, {
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!response.ok) {
      throw new Error(`record answered ${response.status}`);
    }
    const pdf = await pdfjs.getDocument({
      data: new Uint8Array(await response.arrayBuffer()),
      // Our CSP allows no eval and no WebAssembly; PDF.js then uses its plain
      // JavaScript paths. isEvalSupported is for older builds (v6 has no eval).
      isEvalSupported: false,
      useWasm: false,
      enableXfa: false,
      stopAtErrors: false,
    }).promise;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      await drawPage(pdf, number);
    }
    status.textContent = `${viewer.dataset.shown} ${pdf.numPages}`;
    viewer.dataset.rendered = String(pdf.numPages);
  }

  show().catch(() => {
    status.textContent = viewer.dataset.failed;
    viewer.dataset.rendered = "failed";
  });
})();
