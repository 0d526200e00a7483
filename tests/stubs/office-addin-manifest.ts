/**
 * Jest stand-in for office-addin-manifest. office-addin-mock needs only its OfficeApp enum, but the real
 * package pulls in ES-module-only dependencies that Jest (CommonJS) cannot load on Node 20.
 * Mapped in jest.config.js (moduleNameMapper); the values copy office-addin-manifest's OfficeApp.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
