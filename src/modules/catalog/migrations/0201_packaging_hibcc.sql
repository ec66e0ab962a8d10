-- A packaging level may also carry an HIBCC UDI-DI: the primary data of an HIBC LIC label, the
-- labeler identification code (a letter and three letters or digits), the product or catalogue
-- number (1 to 18 letters or digits) and the unit-of-measure digit of the level (0 the unit of use,
-- 1–8 higher levels; 9, a variable quantity, names no fixed level). Like a GTIN it names one device
-- at one level: unique across the catalogue.
ALTER TABLE device_packaging
  ADD COLUMN hibcc text CONSTRAINT device_packaging_hibcc_key UNIQUE
    CONSTRAINT device_packaging_hibcc_format CHECK (hibcc ~ '^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-8]$');
