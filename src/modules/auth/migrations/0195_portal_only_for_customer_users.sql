-- The portal serves the users of a customer organisation; staff order through the order routes
-- (the portal routes refuse a user without an organisation). Admin held portal.use only because
-- it was granted every permission; the matrix now says what the server does.
DELETE FROM role_permissions WHERE role_code = 'admin' AND permission_code = 'portal.use';
